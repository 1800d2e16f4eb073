package org.prochat.app.gui.chat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the shortcodes people type ({@code :)}, {@code <3}, {@code :heart:}) into emoji for display.
 * What was sent stays as typed; only the window shows emoji.
 *
 * <p>Emoticons count only as words of their own, so {@code http://x:)} or {@code f(x:D)} stay as
 * they are; {@code :name:} codes count anywhere. Unknown codes are left alone.
 */
public final class EmojiShortcodes {
  private static final Map<String, String> EMOTICONS = Map.ofEntries(
      Map.entry(":)", "🙂"), Map.entry(":-)", "🙂"), Map.entry(":(", "🙁"), Map.entry(":-(", "🙁"),
      Map.entry(":D", "😀"), Map.entry(":-D", "😀"), Map.entry(";)", "😉"), Map.entry(";-)", "😉"),
      Map.entry(":P", "😛"), Map.entry(":-P", "😛"), Map.entry(":p", "😛"), Map.entry(":O", "😮"),
      Map.entry(":o", "😮"), Map.entry(":'(", "😢"), Map.entry("<3", "❤"), Map.entry("</3", "💔"),
      Map.entry("xD", "😆"), Map.entry("XD", "😆"), Map.entry(":|", "😐"));

  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("heart", "❤"), Map.entry("smile", "😄"), Map.entry("grin", "😁"), Map.entry("joy", "😂"),
      Map.entry("wink", "😉"), Map.entry("laughing", "😆"), Map.entry("cry", "😢"), Map.entry("sob", "😭"),
      Map.entry("thumbsup", "👍"), Map.entry("+1", "👍"), Map.entry("thumbsdown", "👎"), Map.entry("-1", "👎"),
      Map.entry("ok_hand", "👌"), Map.entry("clap", "👏"), Map.entry("wave", "👋"), Map.entry("pray", "🙏"),
      Map.entry("fire", "🔥"), Map.entry("tada", "🎉"), Map.entry("rocket", "🚀"), Map.entry("star", "⭐"),
      Map.entry("coffee", "☕"), Map.entry("beer", "🍺"), Map.entry("pizza", "🍕"), Map.entry("cake", "🍰"),
      Map.entry("thinking", "🤔"), Map.entry("eyes", "👀"), Map.entry("sunglasses", "😎"),
      Map.entry("check", "✔"), Map.entry("x", "❌"), Map.entry("warning", "⚠"), Map.entry("bulb", "💡"),
      Map.entry("100", "💯"), Map.entry("sun", "☀"), Map.entry("snowflake", "❄"), Map.entry("zap", "⚡"));

  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern NAMED_CODE = Pattern.compile(":([a-z0-9_+-]+):");

  private EmojiShortcodes() {}

  /** {@code text} with every known shortcode replaced by its emoji. */
  public static String render(String text) {
    return WORD.matcher(text).replaceAll(word -> Matcher.quoteReplacement(renderWord(word.group())));
  }

  private static String renderWord(String word) {
    String emoticon = EMOTICONS.get(word);
    if (emoticon != null) {
      return emoticon;
    }
    return word.indexOf(':') < 0 ? word
        : NAMED_CODE.matcher(word).replaceAll(code -> Matcher.quoteReplacement(NAMED.getOrDefault(code.group(1), code.group())));
  }
}
