package io.accesslifecycle.upgrade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What one version's Liquibase changelog declares: its changesets in order, the tables they create and the columns
 * they add, read from the files its {@code changelog-master.xml} includes. Nothing about the changesets is written in
 * the tests: a release that adds changesets needs no change to them.
 */
record Changelog(List<String> ids, List<String> tables, List<Column> columns) {

    /** A column an {@code addColumn} change adds. */
    record Column(String table, String name) {}

    private static final String LIQUIBASE = "http://www.liquibase.org/xml/ns/dbchangelog";
    private static final Path DIRECTORY = Path.of("providers/src/main/resources/META-INF/access-lifecycle");

    /** The changelog of the source tree {@code tree} (the root of a checkout of this project). */
    static Changelog of(Path tree) {
        Path dir = tree.resolve(DIRECTORY);
        List<String> ids = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Element include : elements(parse(dir.resolve("changelog-master.xml")), "include")) {
            String file = Path.of(include.getAttribute("file")).getFileName().toString();
            for (Element changeSet : elements(parse(dir.resolve(file)), "changeSet")) {
                ids.add(changeSet.getAttribute("id"));
                for (Element createTable : elements(changeSet, "createTable")) {
                    tables.add(createTable.getAttribute("tableName"));
                }
                for (Element addColumn : elements(changeSet, "addColumn")) {
                    for (Element column : elements(addColumn, "column")) {
                        columns.add(new Column(addColumn.getAttribute("tableName"), column.getAttribute("name")));
                    }
                }
            }
        }
        return new Changelog(List.copyOf(ids), List.copyOf(tables), List.copyOf(columns));
    }

    /** The root element of the file. */
    private static Element parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read the changelog " + file, e);
        }
    }

    /** Liquibase elements of that name under {@code parent} (at any depth), in document order. */
    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(LIQUIBASE, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
