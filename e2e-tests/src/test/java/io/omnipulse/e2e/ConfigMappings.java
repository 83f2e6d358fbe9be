package io.omnipulse.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names of the {@code @ConfigMapping} interfaces in one Java source file, read from the
 * source as SmallRye Config names them: the prefix, then each abstract method in kebab case, a method
 * whose type is another interface of the same file being a group of further properties. Enough for
 * our mappings (no {@code @WithName}, maps or lists of groups); a source that uses one of those fails
 * loudly instead of being misread.
 */
final class ConfigMappings {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)(?:\\s+extends\\s+([\\w\\s,.]+?))?\\s*\\{");
    /** An abstract method at the top level of an interface body: return type, name, no parameters. */
    private static final Pattern METHOD = Pattern.compile("([\\w.]+(?:<[\\w.<>,\\s?]+>)?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern OPTIONAL = Pattern.compile("(?:java\\.util\\.)?Optional<([\\w.]+)>");

    /** One interface of the file: its own methods (name to type) and the interfaces it extends. */
    private record Group(Map<String, String> methods, List<String> parents) {
    }

    private ConfigMappings() {
    }

    static List<String> properties(Path source) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source, e);
        }
        Matcher mapping = MAPPING.matcher(text);
        if (!mapping.find()) {
            return List.of();
        }
        if (text.contains("@WithName") || text.contains("@WithParentName") || text.contains("@WithUnnamedKey")) {
            throw new IllegalStateException(source + " renames properties; teach ConfigMappings to read it");
        }
        Map<String, Group> groups = groups(text);
        List<String> names = new ArrayList<>();
        do {
            Matcher declared = INTERFACE.matcher(text);
            if (!declared.find(mapping.end())) {
                throw new IllegalStateException("no interface after @ConfigMapping in " + source);
            }
            collect(groups, declared.group(1), mapping.group(1), names);
        } while (mapping.find());
        return names;
    }

    private static void collect(Map<String, Group> groups, String type, String prefix, List<String> names) {
        Group group = groups.get(type);
        for (String parent : group.parents()) {
            if (groups.containsKey(parent)) {
                collect(groups, parent, prefix, names);
            }
        }
        group.methods().forEach((method, returned) -> {
            Matcher optional = OPTIONAL.matcher(returned);
            String simple = optional.matches() ? optional.group(1) : returned;
            simple = simple.substring(simple.lastIndexOf('.') + 1);
            String name = prefix + "." + kebab(method);
            if (groups.containsKey(simple)) {
                collect(groups, simple, name, names);
            } else {
                names.add(name);
            }
        });
    }

    /** Every interface declared in the text, with the methods of its body's top level only. */
    private static Map<String, Group> groups(String text) {
        Map<String, Group> groups = new HashMap<>();
        Matcher declared = INTERFACE.matcher(text);
        while (declared.find()) {
            String topLevel = topLevel(text, declared.end());
            Map<String, String> methods = new HashMap<>();
            Matcher method = METHOD.matcher(topLevel);
            while (method.find()) {
                methods.put(method.group(2), method.group(1));
            }
            List<String> parents = declared.group(2) == null ? List.of()
                    : List.of(declared.group(2).replaceAll("\\s", "").split(","));
            groups.put(declared.group(1), new Group(methods, parents.stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList()));
        }
        return groups;
    }

    /** The body that starts after index {@code from} (just past its '{'), nested blocks blanked out. */
    private static String topLevel(String text, int from) {
        StringBuilder body = new StringBuilder();
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0) {
                body.append(c);
            }
        }
        return body.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
