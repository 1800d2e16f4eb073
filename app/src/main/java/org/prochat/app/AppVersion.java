package org.prochat.app;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest at build time ("development" when run from classes). */
final class AppVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = AppVersion.class.getPackage().getImplementationVersion();
    return new String[] {"ProChat " + (version != null ? version : "development")};
  }
}
