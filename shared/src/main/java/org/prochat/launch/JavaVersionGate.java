package org.prochat.launch;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * Main class of the runnable jars. On Java 25 or newer it runs the class named by the manifest
 * attribute {@code ProChat-Main}. On an older Java it looks for an installed JDK 25 (JAVA_HOME, then
 * the usual install folders) and runs the same jar with it; when there is none it prints one line
 * saying what to install, and exits with status 1.
 *
 * <p>Many machines keep an old default {@code java} beside a newer JDK, so finding the newer one
 * spares users a confusing stack trace.
 */
public final class JavaVersionGate {
  static final int REQUIRED_FEATURE = 25;
  private static final String MAIN_ATTRIBUTE = "ProChat-Main";

  private JavaVersionGate() {}

  public static void main(String[] args) throws Throwable {
    File jar = ownJar();
    if (featureVersion(System.getProperty("java.specification.version")) >= REQUIRED_FEATURE) {
      runMain(mainClassOf(jar), args);
      return;
    }
    File newer = findNewerJava();
    String current = System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")";
    if (newer == null || jar == null) {
      System.err.println("ProChat needs Java " + REQUIRED_FEATURE + " or newer, but this is Java "
          + current + ": install a JDK " + REQUIRED_FEATURE
          + " and run this jar with its java, or set JAVA_HOME to it.");
      System.exit(1);
    }
    System.err.println("ProChat needs Java " + REQUIRED_FEATURE + "; this is Java " + current
        + ", so it runs with " + newer + " instead.");
    System.exit(rerun(newer, jar, args));
  }

  /** "1.8" → 8, "17" → 17, "25" → 25. */
  static int featureVersion(String specificationVersion) {
    String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
    int dot = v.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void runMain(String mainClass, String[] args) throws Throwable {
    try {
      Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static File ownJar() {
    try {
      File file = new File(JavaVersionGate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return file.isFile() ? file : null;
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }

  private static String mainClassOf(File jar) throws IOException {
    if (jar == null) {
      throw new IllegalStateException("JavaVersionGate must run from a ProChat jar");
    }
    JarFile jarFile = new JarFile(jar);
    try {
      String main = jarFile.getManifest().getMainAttributes().getValue(MAIN_ATTRIBUTE);
      if (main == null) {
        throw new IllegalStateException(jar + " has no " + MAIN_ATTRIBUTE + " manifest attribute");
      }
      return main;
    } finally {
      jarFile.close();
    }
  }

  private static int rerun(File java, File jar, String[] args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<String>();
    command.add(java.getPath());
    command.add("-jar");
    command.add(jar.getPath());
    for (String arg : args) {
      command.add(arg);
    }
    final Process child = new ProcessBuilder(command).inheritIO().start();
    // Ctrl-C or SIGTERM reaches this JVM; pass it on so the real program shuts down gracefully.
    Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
      @Override
      public void run() {
        child.destroy();
        try {
          child.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }));
    return child.waitFor();
  }

  private static File findNewerJava() {
    List<File> homes = new ArrayList<File>();
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null) {
      homes.add(new File(javaHome));
    }
    String[] roots = {"/usr/lib/jvm", "/opt/java", "/usr/java", "/Library/Java/JavaVirtualMachines",
        "C:\\Program Files\\Java", "C:\\Program Files\\Eclipse Adoptium"};
    for (String root : roots) {
      File[] children = new File(root).listFiles();
      if (children != null) {
        for (File child : children) {
          homes.add(child);
          homes.add(new File(child, "Contents/Home"));
        }
      }
    }
    for (File home : homes) {
      File java = new File(home, isWindows() ? "bin\\java.exe" : "bin/java");
      if (java.canExecute() && releaseFeature(home) >= REQUIRED_FEATURE) {
        return java;
      }
    }
    return null;
  }

  /** The feature version a JDK's {@code release} file declares, or 0. */
  private static int releaseFeature(File home) {
    File release = new File(home, "release");
    if (!release.isFile()) {
      return 0;
    }
    Properties properties = new Properties();
    try {
      InputStream in = new FileInputStream(release);
      try {
        properties.load(in);
      } finally {
        in.close();
      }
    } catch (IOException e) {
      return 0;
    }
    String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
    return featureVersion(version);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
  }
}
