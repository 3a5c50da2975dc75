package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * kana-bom pins what the build tests with: every version it manages equals the one the parent pom
 * manages, so users importing the BOM resolve what these tests ran against.
 */
class BomVersionsTest {

    @Test
    void theBomManagesTheVersionsTheBuildTestsWith() throws Exception {
        Map<String, String> bom = managed(Path.of("..", "kana-bom", "pom.xml"));
        Map<String, String> parent = managed(Path.of("..", "pom.xml"));

        assertThat(bom).containsKeys("com.squareup.okio:okio", "com.squareup.okio:okio-jvm",
                "org.jetbrains.kotlin:kotlin-stdlib", "org.jetbrains.kotlin:kotlin-stdlib-jdk8",
                "com.squareup.okhttp3:okhttp", "com.squareup.retrofit2:retrofit", "com.squareup.moshi:moshi",
                "io.kana:kana-client");
        bom.forEach((artifact, version) -> assertThat(parent.get(artifact)).as(artifact).isEqualTo(version));
        assertThat(bom.get("com.squareup.okio:okio")).isEqualTo(bom.get("com.squareup.okio:okio-jvm"));
        assertThat(bom.get("org.jetbrains.kotlin:kotlin-stdlib")).isEqualTo(bom.get("org.jetbrains.kotlin:kotlin-stdlib-jdk8"))
                .isEqualTo(bom.get("org.jetbrains.kotlin:kotlin-stdlib-jdk7"));
    }

    /** {@code groupId:artifactId} to version of a pom's dependencyManagement, properties resolved. */
    private static Map<String, String> managed(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element project = document.getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        properties.put("project.version", text(project, "version"));
        NodeList propertyBlocks = project.getElementsByTagName("properties");
        if (propertyBlocks.getLength() > 0) {
            NodeList children = propertyBlocks.item(0).getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        Map<String, String> versions = new HashMap<>();
        Element management = (Element) project.getElementsByTagName("dependencyManagement").item(0);
        NodeList dependencies = management.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            versions.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"),
                    resolve(text(dependency, "version"), properties));
        }
        return versions;
    }

    private static String text(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher reference = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(resolved, Matcher.quoteReplacement(properties.get(reference.group(1))));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }
}
