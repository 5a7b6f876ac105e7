package org.madoguchi.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks the standard Q&amp;A content (よくある質問) of the resident assistant: every file parses,
 * ids are unique, and each entry carries the keys and values the assistant relies on.
 */
class StandardQaFilesTest {

    private static final List<String> FILES = List.of("moving", "certificates", "tax", "insurance-pension",
            "childcare", "elderly-care", "waste", "disaster", "facilities");

    private static final Set<String> CATEGORIES = Set.of("MOVING", "CERTIFICATES", "TAX", "INSURANCE_PENSION",
            "CHILDCARE", "ELDERLY_CARE", "WASTE", "DISASTER", "FACILITIES");

    private static final Set<String> PROCEDURES = Set.of("juminhyo-copy", "kazei-shomei", "sodai-gomi",
            "tenshutsu", "tennyu-yoyaku", "shimin-anketo", "risai-shomei", "ninshin-todoke", "jidou-teate-nintei",
            "jidou-teate-henko", "jidou-teate-genkyo", "hoiku-riyo-moshikomi", "hoiku-shikyu-nintei",
            "kaigo-nintei", "kaigo-nintei-koshin", "kaigo-hihokensha-saikofu", "kaigo-kogaku",
            "kaigo-fukushi-yogu", "kaigo-jutaku-kaishu", "hoiku-genkyo", "jido-fuyo-genkyo-jizen",
            "jidou-teate-gaku-kaitei", "jidou-teate-kifu", "jidou-teate-kifu-henko", "jidou-teate-kyushoku",
            "jidou-teate-kyushoku-henko", "jidou-teate-mishiharai", "jidou-teate-shometsu", "kaigo-futan-gendo",
            "kaigo-futan-wariai-saikofu", "kaigo-keikaku-irai", "kaigo-kubun-henko", "kaigo-nintei-tennyu");

    private static final List<String> REQUIRED = List.of("id", "category", "question", "answer", "department",
            "phone");

    @Test
    void everyEntryIsCompleteAndValid() throws Exception {
        YAMLMapper mapper = new YAMLMapper();
        Set<String> ids = new HashSet<>();
        // One phone number per department, so residents are never sent to two numbers for the same desk.
        Map<String, String> phoneByDepartment = new java.util.HashMap<>();
        int total = 0;
        for (String stem : FILES) {
            String path = "/assistant/standard/" + stem + ".yml";
            List<Map<String, Object>> entries;
            try (InputStream in = getClass().getResourceAsStream(path)) {
                assertNotNull(in, "missing " + path);
                entries = mapper.readValue(in, new TypeReference<List<Map<String, Object>>>() { });
            }
            assertFalse(entries.isEmpty(), path + " is empty");
            for (Map<String, Object> e : entries) {
                for (String key : REQUIRED) {
                    Object v = e.get(key);
                    assertTrue(v instanceof String s && !s.isBlank(), path + ": " + e.get("id") + " lacks " + key);
                }
                String id = (String) e.get("id");
                assertTrue(id.matches(java.util.regex.Pattern.quote(stem) + "-\\d{3}"), "bad id " + id + " in " + path);
                assertTrue(ids.add(id), "duplicate id " + id);
                assertTrue(CATEGORIES.contains(e.get("category")), id + ": bad category " + e.get("category"));
                if (e.containsKey("procedure")) {
                    assertTrue(PROCEDURES.contains(e.get("procedure")), id + ": bad procedure " + e.get("procedure"));
                }
                String answer = (String) e.get("answer");
                assertTrue(answer.length() <= 800, id + ": answer longer than 800 characters");
                assertTrue(((String) e.get("phone")).matches("043-201-\\d{4}"), id + ": bad phone");
                String known = phoneByDepartment.putIfAbsent((String) e.get("department"), (String) e.get("phone"));
                assertTrue(known == null || known.equals(e.get("phone")),
                        id + ": phone differs from other entries of " + e.get("department"));
                // Alternatives are how residents phrase the same question; a number like 171 must be quoted
                // in YAML or it silently becomes an Integer.
                Object alternatives = e.get("alternatives");
                assertTrue(alternatives instanceof List<?> l && l.size() >= 2 && l.size() <= 4
                        && l.stream().allMatch(a -> a instanceof String s && !s.isBlank()),
                        id + ": alternatives must be a list of 2 to 4 strings");
                total++;
            }
        }
        assertTrue(total >= 300, "only " + total + " entries");
        assertEquals(ids.size(), total);
    }

    /** Where the platform has an online procedure, some answer offers to start it (and names only real ones). */
    @Test
    void everyOnlineProcedureIsOfferedBySomeAnswer() throws Exception {
        Set<String> offered = new HashSet<>();
        for (QaEntry e : StandardQa.load(StandardQa.LOCATION)) {
            if (e.procedure() != null) {
                offered.add(e.procedure());
            }
        }
        // the shipped procedures, beside the production classes (not the test fixtures of src/test/resources)
        String classes = StandardQa.class.getProtectionDomain().getCodeSource().getLocation().toString();
        Set<String> procedures = new HashSet<>();
        for (var r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources(classes + "procedures/*.yml")) {
            procedures.add(r.getFilename().replace(".yml", ""));
        }
        assertEquals(procedures, offered);
        assertEquals(PROCEDURES, offered);
    }
}
