package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/topics.sh creates production topics by hand; it must list exactly the catalog and the internal topics. */
class TopicCatalogScriptTest {

    @Test
    void deployScriptCreatesEveryCatalogTopicWithItsPartitions() throws Exception {
        String script = Files.readString(Path.of("..", "deploy", "topics.sh"));
        Map<String, Integer> scripted = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^((?:cx|omnipulse)[.-][a-z0-9.-]+)\\s+(\\d+)\\s*$").matcher(script);
        while (m.find()) {
            scripted.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<String, Integer> catalog = new TreeMap<>();
        Topics.ALL.forEach(t -> catalog.put(t.name(), t.partitions()));
        Topics.INTERNAL.forEach(t -> catalog.put(t.name(), t.partitions()));

        assertThat(scripted).isEqualTo(catalog);
    }
}
