package org.clinigate.eval.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Loads a suite from a JSONL file, a PubMedQA labelled-set JSON object, or a folder of JSON files (one record each,
 * as the HealthBench sample ships). The format is detected from the first record unless given.
 *
 * <p>Every problem fails the whole load with a {@link ClinigateException}: CG-1002 (unreadable), CG-1003 (not
 * UTF-8), CG-7001 (a record that is not JSON, lacks a field, has an invalid one, repeats an id, or a format that
 * cannot be detected), naming the line number (or the file, or the PMID) and the field, never the text. Stateless and
 * thread safe.
 */
public final class SuiteLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SuiteLoader() {
    }

    /** Loads {@code path}, detecting its format. */
    public static Suite load(Path path) {
        return load(path, null);
    }

    /** Loads {@code path} as {@code format}, or detecting it when null. */
    public static Suite load(Path path, SuiteFormat format) {
        if (Files.isDirectory(path)) {
            return loadFolder(path, format);
        }
        byte[] bytes = read(path);
        String text = utf8(bytes, path);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as some editors write
        }
        String name = path.getFileName().toString();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") && !firstLineIsRecord(trimmed)) {
            return loadObject(name, text, format, sha256(bytes));
        }
        return loadLines(name, text, format, sha256(bytes));
    }

    /** A JSONL file's first line is a whole JSON object; a pretty-printed JSON document's is not. */
    private static boolean firstLineIsRecord(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        try {
            return JSON.readTree(first).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Suite loadLines(String name, String text, SuiteFormat format, String sha) {
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\n", -1);
        List<JsonNode> nodes = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw bad(name, i + 1, "is not valid JSON");
            }
            if (node == null || !node.isObject()) {
                throw bad(name, i + 1, "is not a JSON object");
            }
            if (format == null) {
                format = ItemParsers.detect(node);
                if (format == null) {
                    throw bad(name, i + 1, "matches no known suite format (give --format)");
                }
            }
            nodes.add(node);
            lineNumbers.add(i + 1);
        }
        if (nodes.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_7001, name + ": the suite holds no records");
        }
        ItemParsers.MedMcqaBase base = format == SuiteFormat.MEDMCQA ? medmcqaBase(nodes) : null;
        for (int k = 0; k < nodes.size(); k++) {
            items.add(parse(name, format, nodes.get(k), k + 1, lineNumbers.get(k), base, ids));
        }
        return new Suite(name, format, items, sha);
    }

    /** Zero-based when any record says {@code cop: 0} (Hugging Face); one-based otherwise (the official release). */
    private static ItemParsers.MedMcqaBase medmcqaBase(List<JsonNode> nodes) {
        for (JsonNode n : nodes) {
            JsonNode cop = n.get("cop");
            if (cop != null && cop.isNumber() && cop.asInt() == 0) {
                return ItemParsers.MedMcqaBase.ZERO;
            }
        }
        return ItemParsers.MedMcqaBase.ONE;
    }

    private static Item parse(String name, SuiteFormat format, JsonNode node, int row, int line,
            ItemParsers.MedMcqaBase base, Set<String> ids) {
        Item item;
        try {
            item = ItemParsers.parse(format, node, row, line, base);
        } catch (FieldException | IllegalArgumentException e) {
            throw bad(name, line, e.getMessage() + " (format " + format.wireName() + ")");
        }
        if (!ids.add(item.id())) {
            throw bad(name, line, "repeats an id of an earlier record");
        }
        return item;
    }

    /** The PubMedQA labelled set: one JSON object whose keys are PMIDs. */
    private static Suite loadObject(String name, String text, SuiteFormat format, String sha) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ClinigateException(ErrorCode.CG_7001, name + ": line "
                    + e.getLocation().getLineNr() + ": is not valid JSON");
        }
        if (format != null && format != SuiteFormat.PUBMEDQA && format != SuiteFormat.HEALTHBENCH) {
            throw new ClinigateException(ErrorCode.CG_7001, name + ": a single JSON document must be PubMedQA or one "
                    + "HealthBench record");
        }
        if (root.has("rubrics")) {
            Item item = parse(name, SuiteFormat.HEALTHBENCH, root, 1, 1, null, new HashSet<>());
            return new Suite(name, SuiteFormat.HEALTHBENCH, List.of(item), sha);
        }
        List<Item> items = new ArrayList<>();
        int row = 0;
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            row++;
            try {
                items.add(ItemParsers.pubmedqa(e.getValue(), e.getKey(), row, 0));
            } catch (FieldException | IllegalArgumentException ex) {
                throw new ClinigateException(ErrorCode.CG_7001, name + ": record " + row + " (PMID " + e.getKey()
                        + "): " + ex.getMessage() + " (format pubmedqa)");
            }
        }
        if (items.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_7001, name + ": the suite holds no records");
        }
        return new Suite(name, SuiteFormat.PUBMEDQA, items, sha);
    }

    /** A folder of {@code .json} (one record each) or {@code .jsonl} files, in file-name order. */
    private static Suite loadFolder(Path dir, SuiteFormat format) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot list the suite folder (" + e.getClass()
                    .getSimpleName() + ")");
        }
        if (files.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_7001, dir.getFileName() + ": the folder holds no .json files");
        }
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        StringBuilder hashes = new StringBuilder();
        SuiteFormat found = format;
        for (Path f : files) {
            Suite one = load(f, found);
            found = one.format();
            hashes.append(one.sha256());
            for (Item it : one.items()) {
                if (!ids.add(it.id())) {
                    throw new ClinigateException(ErrorCode.CG_7001, f.getFileName() + ": repeats an id of an "
                            + "earlier file");
                }
                items.add(it);
            }
        }
        return new Suite(dir.getFileName().toString(), found, items, sha256(hashes.toString().getBytes(
                StandardCharsets.UTF_8)));
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read the suite file " + path.getFileName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String utf8(byte[] bytes, Path path) {
        int line = 1;
        int from = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, i
                                    - from));
                } catch (CharacterCodingException e) {
                    throw new ClinigateException(ErrorCode.CG_1003, path.getFileName() + ": line " + line
                            + ": not valid UTF-8");
                }
                line++;
                from = i + 1;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                    bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClinigateException bad(String name, int line, String problem) {
        return new ClinigateException(ErrorCode.CG_7001, name + ": line " + line + ": " + problem);
    }
}
