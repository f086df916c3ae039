package io.accesslifecycle.bench;

import java.util.List;

/** The names the in-process benchmark turns into usernames: accents, compound first names, Cyrillic, Greek, and a few more. */
final class BenchNames {

    private BenchNames() {}

    record Person(String firstName, String lastName) {}

    static final List<Person> PEOPLE = List.of(
            // plain and accented Latin
            new Person("Jean", "Dupont"),
            new Person("Marie", "Curie"),
            new Person("Éloïse", "Château"),
            new Person("François", "Müller"),
            new Person("Zoë", "Ødegaard"),
            new Person("Jürgen", "Groß"),
            new Person("Iñaki", "Muñoz"),
            new Person("João", "Gonçalves"),
            new Person("Jiří", "Dvořák"),
            new Person("Łukasz", "Żółć"),
            new Person("Wojciech", "Szczęsny"),
            new Person("Şükrü", "Gündoğdu"),
            new Person("İlkay", "Gündoğan"),
            new Person("Søren", "Kierkegaard"),
            new Person("Åsa", "Öberg"),
            new Person("Ödön", "Győrfi"),
            new Person("Ștefan", "Țiriac"),
            new Person("Þórður", "Guðmundsson"),
            new Person("Chloé", "Le Bihan"),
            new Person("Noël", "Lefèvre-Dubois"),
            // compound first names, particles, apostrophes
            new Person("Jean-Pierre", "Dupont"),
            new Person("Marie-Claire", "Lefèvre"),
            new Person("Anne Marie", "O'Neill"),
            new Person("José María", "García Márquez"),
            new Person("Jean-Baptiste Émile", "de La Fontaine"),
            new Person("Pieter", "van der Berg"),
            new Person("Séverine", "D'Artagnan"),
            new Person("Marie‑Hélène", "N’Diaye"),
            new Person("Hans-Jürgen", "von Schönfeld"),
            new Person("Ana-Lúcia", "dos Santos Araújo"),
            // Cyrillic
            new Person("Александр", "Пушкин"),
            new Person("Наталья", "Гончарова"),
            new Person("Юрий", "Гагарин"),
            new Person("Фёдор", "Достоевский"),
            new Person("Анна-Мария", "Щукина"),
            new Person("Ольга", "Кузнецова"),
            new Person("Євген", "Шевченко"),
            new Person("Сергей", "Жуков"),
            // Greek
            new Person("Γιώργος", "Παπαδόπουλος"),
            new Person("Ελένη", "Κωνσταντίνου"),
            new Person("Νίκος", "Καζαντζάκης"),
            new Person("Δήμητρα", "Οικονόμου"),
            new Person("Αθανάσιος", "Χατζηδάκης"),
            new Person("Μαρία-Ελένη", "Ψαρρά"),
            // other scripts
            new Person("Nguyễn Thị", "Minh Khai"),
            new Person("Mohammed", "Al-Fārābī"),
            new Person("محمد", "الفارابي"),
            new Person("明", "王"),
            new Person("さくら", "やまだ"),
            new Person("Ilse", "Aigner"));

    private static final int SIZE = UsernameGenerationBenchmark.NAMES;

    static {
        if (PEOPLE.size() != SIZE) {
            throw new IllegalStateException("expected " + SIZE + " names, got " + PEOPLE.size());
        }
    }
}
