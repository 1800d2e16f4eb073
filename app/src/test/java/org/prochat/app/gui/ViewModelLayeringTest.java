package org.prochat.app.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** View models are tested without a window, so they must not reach for one. */
class ViewModelLayeringTest {
  private final JavaClasses gui = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.prochat.app.gui");

  @Test
  void viewModelsImportNothingFromJavaFxScenes() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel")
        .or().haveSimpleNameEndingWith("Directory")
        .or().resideInAPackage("..gui.settings..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
        .check(gui);
  }

  @Test
  void onlyTheUiLayerTalksToTheNetworkClientDirectly() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.prochat.client.ChatClient")
        .check(gui);
  }
}
