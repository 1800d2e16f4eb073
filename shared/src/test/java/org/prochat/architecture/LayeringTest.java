package org.prochat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared module's layering: the protocol is pure, and shared never reaches up into app or server. */
class LayeringTest {
  private final JavaClasses shared = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.prochat");

  @Test
  void theProtocolKnowsNothingOfNettyOrJavaFx() {
    noClasses().that().resideInAPackage("org.prochat.protocol..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "javafx..")
        .check(shared);
  }

  @Test
  void sharedKnowsNothingOfTheAppOrTheServer() {
    noClasses().that().resideInAPackage("org.prochat..")
        .should().dependOnClassesThat().resideInAnyPackage("org.prochat.app..", "org.prochat.server..")
        .check(shared);
  }

  @Test
  void sharedKnowsNothingOfJavaFx() {
    noClasses().that().resideInAPackage("org.prochat..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .check(shared);
  }
}
