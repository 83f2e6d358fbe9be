package io.omnipulse.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What a service reads, from its sources: the keys of its application.properties (any profile), the
 * names its property expressions refer to, and the properties of the {@code @ConfigMapping} interfaces
 * in its code and in the OmniPulse modules it depends on. An environment variable is read when it is
 * one of those under MicroProfile Config's mapping (every character but letters and digits to
 * {@code _}, upper case), or when it is one of the few pass-through settings named below.
 */
final class ServiceSettings {

    /** The services a deployment runs, each with its own HTTP port. */
    static final List<String> SERVICES = List.of("ingest-service", "profile-service", "scoring-service",
            "alerting-service", "console-service");
    /** How one service is pointed at another: http://<name>:<port>. */
    static final Pattern SERVICE_URL = Pattern.compile("http://([a-z0-9-]+):(\\d+)");

    /**
     * Typed settings of Quarkus extensions that a deployment sets although application.properties does
     * not mention them, by the prefix the extension's own keys in application.properties start with:
     * quarkus-kafka-streams' login (KafkaStreamsRuntimeConfig: security-protocol, sasl.*, ssl.truststore.*).
     * Kafka Streams does not see KAFKA_STREAMS_SECURITY_PROTOCOL and the like: Quarkus passes on only
     * property names that start with "kafka-streams.", and an environment variable reaches it as
     * "kafka.streams.*" unless another source defines the dashed name.
     */
    private static final Map<String, Set<String>> EXTENSION_SETTINGS = Map.of("quarkus.kafka-streams.", Set.of(
            "quarkus.kafka-streams.security-protocol", "quarkus.kafka-streams.sasl.mechanism",
            "quarkus.kafka-streams.sasl.jaas-config", "quarkus.kafka-streams.ssl.truststore.type",
            "quarkus.kafka-streams.ssl.truststore.location", "quarkus.kafka-streams.ssl.truststore.password"));
    /** Read by the process, not by Quarkus: the image's run-java.sh (heap share of the limit) and glibc. */
    private static final Set<String> PROCESS_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO", "MALLOC_ARENA_MAX");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}$]+)");
    private static final Pattern MODULE = Pattern.compile(
            "<groupId>io\\.omnipulse</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");

    private final String service;
    private final Properties properties = new Properties();
    private final Set<String> propertyNames = new TreeSet<>();

    private ServiceSettings(String service) {
        this.service = service;
    }

    /** Reads {@code ../<service>}: its application.properties and the config mappings it can see. */
    static ServiceSettings of(String service) {
        ServiceSettings settings = new ServiceSettings(service);
        Path root = Path.of("..");
        try (Reader in = Files.newBufferedReader(root.resolve(service).resolve("src/main/resources/application.properties"))) {
            settings.properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + service + "'s application.properties", e);
        }
        for (String key : settings.properties.stringPropertyNames()) {
            settings.propertyNames.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
            Matcher m = EXPRESSION.matcher(settings.properties.getProperty(key));
            while (m.find()) {
                settings.propertyNames.add(m.group(1));
            }
        }
        for (String module : modules(root, service, new LinkedHashSet<>())) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(f -> settings.propertyNames.addAll(ConfigMappings.properties(f)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + module + "'s sources", e);
            }
        }
        settings.propertyNames.addAll(settings.extensionSettings());
        return settings;
    }

    /** The module and every OmniPulse module its pom depends on, transitively. */
    private static Set<String> modules(Path root, String module, Set<String> seen) {
        if (!seen.add(module)) {
            return seen;
        }
        try {
            Matcher m = MODULE.matcher(Files.readString(root.resolve(module).resolve("pom.xml")));
            while (m.find()) {
                if (Files.isDirectory(root.resolve(m.group(1)).resolve("src/main/java"))) {
                    modules(root, m.group(1), seen);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + module + "'s pom", e);
        }
        return seen;
    }

    private Set<String> extensionSettings() {
        Set<String> names = new TreeSet<>();
        EXTENSION_SETTINGS.forEach((prefix, settings) -> {
            if (propertyNames.stream().anyMatch(name -> name.startsWith(prefix))) {
                names.addAll(settings);
            }
        });
        return names;
    }

    String name() {
        return service;
    }

    /** The value of a property as application.properties sets it for production (no profile). */
    String property(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(service + " sets no " + key);
        }
        return value;
    }

    /** The incoming messaging channels that consume in {@code group} ({@code mp.messaging.incoming.<channel>.group.id}). */
    List<String> channelsOfGroup(String group) {
        Pattern groupId = Pattern.compile("mp\\.messaging\\.incoming\\.([\\w-]+)\\.group\\.id");
        return properties.stringPropertyNames().stream().map(groupId::matcher).filter(Matcher::matches)
                .filter(m -> group.equals(properties.getProperty(m.group()))).map(m -> m.group(1)).sorted().toList();
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    /** Whether the service reads this environment variable (as a config property or a pass-through). */
    boolean reads(String variable) {
        if (PROCESS_VARIABLES.contains(variable) || propertyNames.stream().anyMatch(p -> env(p).equals(variable))) {
            return true;
        }
        // kafka.* reaches every plain Kafka client (Quarkus' default-kafka-broker map), from the
        // environment as KAFKA_<NAME>, '_' read as '.': the rest must be a Kafka client setting.
        if (variable.startsWith("KAFKA_") && propertyNames.stream().anyMatch(p -> p.startsWith("kafka."))) {
            String setting = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            return ProducerConfig.configNames().contains(setting) || ConsumerConfig.configNames().contains(setting)
                    || AdminClientConfig.configNames().contains(setting);
        }
        return false;
    }

    /** MicroProfile Config's environment variable name of a property. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
