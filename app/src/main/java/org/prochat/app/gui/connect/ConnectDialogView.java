package org.prochat.app.gui.connect;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.prochat.app.gui.theme.ThemeStyles;
import org.prochat.app.gui.theme.WindowIcons;
import org.prochat.app.trust.ServerKeyChange;

/**
 * The connect dialog: nickname (or "use my local IP address as name"), server, "let my computer relay
 * for others" with its port, and Connect. A message under each field says what is wrong with it;
 * Enter connects. The fields have ids ({@code #nick}, {@code #server}, {@code #relay-port}, ...) for
 * tests and screen readers.
 */
public final class ConnectDialogView {
  private final Stage stage;

  public ConnectDialogView(Stage stage, ConnectDialogViewModel model, ThemeStyles styles) {
    this.stage = Objects.requireNonNull(stage, "stage");
    Label heading = new Label("Join a ProChat room");
    heading.getStyleClass().add("connect-heading");

    TextField nick = field("nick", "your nickname");
    nick.textProperty().bindBidirectional(model.nickProperty());
    // While the local address is the name, show it in the field instead of the typed name.
    TextField shownAddress = field("nick-address", "");
    shownAddress.setText(model.localAddress());
    shownAddress.setEditable(false);
    shownAddress.visibleProperty().bind(model.useLocalAddressProperty());
    shownAddress.managedProperty().bind(shownAddress.visibleProperty());
    nick.visibleProperty().bind(model.useLocalAddressProperty().not());
    nick.managedProperty().bind(nick.visibleProperty());
    CheckBox useAddress = new CheckBox("Use my local IP address as name");
    useAddress.setId("use-local-address");
    useAddress.selectedProperty().bindBidirectional(model.useLocalAddressProperty());

    TextField server = field("server", "host or host:port");
    server.textProperty().bindBidirectional(model.serverProperty());

    CheckBox relay = new CheckBox("Let my computer relay for others");
    relay.setId("relay");
    relay.selectedProperty().bindBidirectional(model.relayProperty());
    TextField relayPort = field("relay-port", "port");
    relayPort.textProperty().bindBidirectional(model.relayPortProperty());
    relayPort.disableProperty().bind(model.relayProperty().not());
    relayPort.setPrefColumnCount(6);
    relayPort.setMaxWidth(Region.USE_PREF_SIZE);

    GridPane form = new GridPane();
    form.getStyleClass().add("connect-form");
    form.getColumnConstraints().addAll(new ColumnConstraints(), grow());
    form.addRow(0, fieldLabel("Nickname", nick), new VBox(nick, shownAddress));
    form.add(useAddress, 1, 1);
    form.add(error("nick-error", model.nickErrorProperty()), 1, 2);
    form.addRow(3, fieldLabel("Server", server), server);
    form.add(error("server-error", model.serverErrorProperty()), 1, 4);
    form.add(relay, 1, 5);
    form.addRow(6, fieldLabel("Relay port", relayPort), relayPort);
    form.add(error("relay-port-error", model.relayPortErrorProperty()), 1, 7);

    Label failure = error("connect-failure", model.failureProperty());
    Button connect = new Button("Connect");
    connect.setId("connect");
    connect.setDefaultButton(true); // Enter connects from any field
    connect.disableProperty().bind(model.validProperty().not().or(model.connectingProperty()));
    connect.textProperty().bind(Bindings.when(model.connectingProperty()).then("Connecting…").otherwise("Connect"));
    connect.setOnAction(event -> model.connect());
    HBox buttons = new HBox(connect);
    buttons.getStyleClass().add("connect-buttons");

    VBox root = new VBox(heading, form, failure, buttons);
    root.getStyleClass().add("connect-dialog");
    Scene scene = new Scene(root);
    styles.style(scene, ThemeStyles.CONNECT_DIALOG);
    stage.setScene(scene);
    stage.setTitle("ProChat — connect");
    WindowIcons.applyTo(stage);
    stage.setResizable(false);
    model.keyChangeProperty().addListener((property, was, change) -> {
      if (change != null) {
        warnKeyChanged(model, change);
      }
    });
  }

  /** A changed key may be an attack: the user must accept the new one knowingly, or not at all. */
  private void warnKeyChanged(ConnectDialogViewModel model, ServerKeyChange change) {
    String noun = change.kind().noun();
    ButtonType accept = new ButtonType("Trust the new " + noun + " and connect", ButtonBar.ButtonData.OK_DONE);
    Alert warning = new Alert(Alert.AlertType.WARNING, "", accept, ButtonType.CANCEL);
    warning.initOwner(stage);
    warning.getDialogPane().setId("key-change-warning");
    warning.setTitle("ProChat — " + noun + " changed");
    String subject = change.subject();
    warning.setHeaderText(Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " has changed");
    // Enter must not accept a key that may be an attacker's: the safe answer is the default one.
    ((Button) warning.getDialogPane().lookupButton(accept)).setDefaultButton(false);
    ((Button) warning.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    warning.setContentText(change.risk() + " Connect only if the server's admin confirms the new fingerprint."
        + "\n\nTrusted until now:\n" + change.pinned() + "\n\nPresented now:\n" + change.presented());
    warning.showAndWait().filter(accept::equals).ifPresent(chosen -> model.acceptNewKey());
  }

  public Stage stage() {
    return stage;
  }

  private static TextField field(String id, String prompt) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    return field;
  }

  private static Label fieldLabel(String text, Node field) {
    Label label = new Label(text);
    label.setLabelFor(field);
    label.getStyleClass().add("field-label");
    GridPane.setHalignment(label, HPos.RIGHT);
    return label;
  }

  private static Label error(String id, ObservableStringValue message) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add("field-error");
    label.setWrapText(true);
    label.textProperty().bind(message);
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
    return label;
  }

  private static ColumnConstraints grow() {
    ColumnConstraints column = new ColumnConstraints();
    column.setHgrow(Priority.ALWAYS);
    return column;
  }
}
