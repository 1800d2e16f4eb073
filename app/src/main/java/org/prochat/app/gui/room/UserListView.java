package org.prochat.app.gui.room;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.prochat.app.gui.chat.NickColours;

/**
 * Who is in the room, with a count: this user's own entry is marked "(you)", users coming through a
 * relay are marked too. Double-click, Enter or the context menu's "Whisper" opens a whisper window.
 */
public final class UserListView extends VBox {
  private final ListView<String> list;

  /** @param whisper opens the whisper window for a nickname */
  public UserListView(UserListViewModel users, Consumer<String> whisper) {
    Objects.requireNonNull(whisper, "whisper");
    getStyleClass().add("user-list");
    Label count = new Label();
    count.getStyleClass().add("user-count");
    count.textProperty().bind(users.countProperty().asString("%d online"));

    list = new ListView<>(users.nicks());
    list.getStyleClass().add("user-list-view");
    list.setCellFactory(view -> new UserCell(users));
    VBox.setVgrow(list, Priority.ALWAYS);

    MenuItem whisperItem = new MenuItem("Whisper");
    whisperItem.setOnAction(event -> selected().ifPresent(whisper));
    list.setContextMenu(new ContextMenu(whisperItem));
    list.setOnMouseClicked(event -> {
      if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
        selected().ifPresent(whisper);
      }
    });
    list.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ENTER) {
        selected().ifPresent(whisper);
      }
    });
    getChildren().addAll(count, list);
  }

  /** The list, to focus it from the keyboard. */
  public ListView<String> list() {
    return list;
  }

  /** The selected nickname, if any. */
  public Optional<String> selected() {
    return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
  }

  private static final class UserCell extends ListCell<String> {
    private final UserListViewModel users;

    UserCell(UserListViewModel users) {
      this.users = users;
      getStyleClass().add("user-cell");
    }

    @Override
    protected void updateItem(String nick, boolean empty) {
      super.updateItem(nick, empty);
      getStyleClass().removeIf(style -> style.startsWith("nick-colour-") || style.equals("own-user")
          || style.equals("relayed-user"));
      setTooltip(null);
      if (empty || nick == null) {
        setText(null);
        return;
      }
      getStyleClass().add(NickColours.styleClass(nick));
      if (users.isOwn(nick)) {
        getStyleClass().add("own-user");
        setText(nick + " (you)");
      } else {
        setText(nick);
      }
      if (UserListViewModel.isRelayed(nick)) {
        getStyleClass().add("relayed-user");
        setTooltip(new Tooltip("Comes through a relay"));
      }
    }
  }
}
