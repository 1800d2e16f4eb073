package org.prochat.app.gui.chat;

import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line to type into: Enter sends, Up and Down walk the history, and a counter shows how much room
 * is left once the limit is near (in the warning style once over it).
 */
public final class InputLineView extends HBox {
  private final TextField field = new TextField();

  /**
   * @param input the model
   * @param prompt the hint shown while the line is empty
   * @param send what Enter does
   */
  public InputLineView(InputLineViewModel input, String prompt, Runnable send) {
    Objects.requireNonNull(send, "send");
    getStyleClass().add("input-line");
    field.getStyleClass().add("input-field");
    field.setPromptText(prompt);
    field.textProperty().bindBidirectional(input.textProperty());
    field.setOnAction(event -> send.run());
    field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
      if (event.getCode() == KeyCode.UP) {
        input.recallPrevious();
        field.end();
        event.consume();
      } else if (event.getCode() == KeyCode.DOWN) {
        input.recallNext();
        field.end();
        event.consume();
      }
    });
    HBox.setHgrow(field, Priority.ALWAYS);

    Label counter = new Label();
    counter.getStyleClass().add("input-counter");
    counter.textProperty().bind(input.counterProperty());
    counter.visibleProperty().bind(counter.textProperty().isNotEmpty());
    counter.managedProperty().bind(counter.visibleProperty());
    input.tooLongProperty().addListener((property, was, tooLong) -> {
      if (tooLong) {
        counter.getStyleClass().add("too-long");
      } else {
        counter.getStyleClass().remove("too-long");
      }
    });
    getChildren().addAll(field, counter);
  }

  /** The text field, to focus it. */
  public TextField field() {
    return field;
  }
}
