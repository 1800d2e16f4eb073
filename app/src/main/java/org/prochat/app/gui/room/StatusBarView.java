package org.prochat.app.gui.room;

import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's bottom line: connection state, route and round trip, relayed users. The state
 * label carries a style class per state ({@code state-connected}, {@code state-reconnecting}, ...).
 */
public final class StatusBarView extends HBox {
  private static final String STATE_PREFIX = "state-";

  public StatusBarView(StatusBarViewModel status) {
    getStyleClass().add("status-bar");
    Label state = label("status-state");
    state.textProperty().bind(status.stateTextProperty());
    Label route = label("status-route");
    route.textProperty().bind(status.routeTextProperty());
    Label relay = label("status-relay");
    relay.textProperty().bind(status.relayTextProperty());
    Label security = label("status-security");
    security.textProperty().bind(status.securityTextProperty());
    Tooltip securityDetail = new Tooltip();
    securityDetail.textProperty().bind(status.securityDetailProperty());
    security.setTooltip(securityDetail);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren().addAll(state, new Separator(Orientation.VERTICAL), route, new Separator(Orientation.VERTICAL), security,
        spacer, relay);

    showState(state, status.stateProperty().get());
    status.stateProperty().addListener((property, was, now) -> showState(state, now));
  }

  private static void showState(Label state, ConnectionState now) {
    state.getStyleClass().removeIf(style -> style.startsWith(STATE_PREFIX));
    state.getStyleClass().add(STATE_PREFIX + now.name().toLowerCase(Locale.ROOT));
  }

  private static Label label(String styleClass) {
    Label label = new Label();
    label.getStyleClass().add(styleClass);
    return label;
  }
}
