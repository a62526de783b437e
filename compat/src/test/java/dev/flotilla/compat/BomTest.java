package dev.flotilla.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code bom/pom.xml} has no parent (so that importing it pins nothing but Flotilla): these checks
 * keep it in step with the build by hand, its version and its list of artifacts.
 */
class BomTest {
  /** Modules that are not published: their artifacts stay out of the BOM. */
  private static final Set<String> UNPUBLISHED = Set.of("benchmarks", "bom", "compat");

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("bom/pom.xml"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  private static Element pom(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(file.toFile());
    return document.getDocumentElement();
  }

  private static String child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }

  @Test
  void versionIsTheParents() throws Exception {
    assertEquals(
        child(pom(root().resolve("pom.xml")), "version"), child(pom(bomFile()), "version"));
  }

  @Test
  void listsEveryPublishedModuleAndPinsNothingElse() throws Exception {
    List<String> managed = new ArrayList<>();
    NodeList dependencies = pom(bomFile()).getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertEquals("dev.flotilla", child(dependency, "groupId"), "the BOM pins only Flotilla");
      assertEquals("${project.version}", child(dependency, "version"));
      managed.add(child(dependency, "artifactId"));
    }
    NodeList modules = pom(root().resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().trim();
      if (UNPUBLISHED.contains(module) || module.startsWith("examples")) {
        continue;
      }
      String artifact = child(pom(root().resolve(module).resolve("pom.xml")), "artifactId");
      assertTrue(
          managed.contains(artifact),
          "bom/pom.xml lacks " + artifact + " (module " + module + "): add it");
    }
  }

  private static Path bomFile() {
    return root().resolve("bom/pom.xml");
  }
}
