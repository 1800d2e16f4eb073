package org.prochat.app.gui.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Shows one {@link ChatLine}: the time, the nickname in its colour and the text, wrapped to the
 * list's width. Its look comes from style classes only: {@code chat-line} plus the line's kind
 * ({@code line-message}, {@code line-join}, ...), and the nickname's colour class.
 */
final class ChatLineCell extends ListCell<ChatLine> {
  private static final String KIND_PREFIX = "line-";

  private final DateTimeFormatter timeFormat;
  private final Text time = styled(new Text(), "chat-time");
  private final Text nick = styled(new Text(), "chat-nick");
  private final Text text = styled(new Text(), "chat-text");
  private final TextFlow flow = new TextFlow(time, nick, text);

  ChatLineCell(ZoneId zone) {
    timeFormat = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
    getStyleClass().add("chat-line");
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    // Wrap at the list's width (less its scroll bar) rather than growing sideways.
    flow.maxWidthProperty().bind(widthProperty().subtract(24));
    flow.prefWidthProperty().bind(flow.maxWidthProperty());
  }

  @Override
  protected void updateItem(ChatLine line, boolean empty) {
    super.updateItem(line, empty);
    getStyleClass().removeIf(style -> style.startsWith(KIND_PREFIX));
    nick.getStyleClass().removeIf(style -> style.startsWith("nick-colour-"));
    if (empty || line == null) {
      setGraphic(null);
      return;
    }
    getStyleClass().add(KIND_PREFIX + line.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    time.setText(timeFormat.format(line.time()) + "  ");
    text.setText(line.text());
    // No empty Text in the flow: TextFlow then styles the next text's first letter like the empty one.
    if (line.nick() != null && spoken(line.kind())) {
      nick.setText(line.nick() + "  ");
      nick.getStyleClass().add(NickColours.styleClass(line.nick()));
      flow.getChildren().setAll(time, nick, text);
    } else {
      flow.getChildren().setAll(time, text);
    }
    setGraphic(flow);
  }

  private static boolean spoken(ChatLine.Kind kind) {
    return switch (kind) {
      case MESSAGE, OWN_MESSAGE, WHISPER_IN, WHISPER_OUT -> true;
      case JOIN, LEAVE, NOTICE, ERROR, STATUS -> false;
    };
  }

  private static Text styled(Text node, String styleClass) {
    node.getStyleClass().add(styleClass);
    return node;
  }
}
