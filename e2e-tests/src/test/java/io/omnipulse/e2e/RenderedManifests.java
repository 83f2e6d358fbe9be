package io.omnipulse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * deploy/k8s as a cluster would get it: each overlay rendered by {@code kubectl kustomize} (offline),
 * parsed into the typed Kubernetes and Strimzi models. Without kubectl on the PATH, the base's files
 * as written (the base is a plain list of resources, so that is what its overlays start from) and the
 * Secrets the overlays declare, so that everything but the overlays' own patches is still checked.
 *
 * @param name         which overlay, or "base"
 * @param objects      every object, in the order rendered
 * @param unknown      fields that fit no schema, as "Kind/name: path"
 * @param secretKeys   keys of the Secrets the rendering provides (the overlays' generators)
 */
record RenderedManifests(String name, List<HasMetadata> objects, List<String> unknown, Map<String, Set<String>> secretKeys) {

    static final Path ROOT = Path.of("..", "deploy", "k8s");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        SERIALIZATION.registerKubernetesResource(KafkaTopic.class);
        SERIALIZATION.registerKubernetesResource(KafkaUser.class);
    }

    /** Every overlay rendered, or the base alone when kubectl is not there (and says so). */
    static List<RenderedManifests> all() throws IOException, InterruptedException {
        List<Path> overlays;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("overlays"))) {
            overlays = dirs.filter(Files::isDirectory).sorted().toList();
        }
        if (kubectl() == null) {
            System.out.println("KubernetesManifestsTest: no kubectl on the PATH, so the overlays are not rendered: "
                    + "checking deploy/k8s/base as written, with the Secrets the overlays declare");
            return List.of(base(overlays));
        }
        List<RenderedManifests> renderings = new ArrayList<>();
        for (Path overlay : overlays) {
            renderings.add(render(overlay));
        }
        return renderings;
    }

    private static String kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /**
     * Renders a copy of deploy/k8s, with a placeholder for each file an overlay's secretGenerator reads
     * that is not there (real secrets are never committed, so a fresh clone has none).
     */
    private static RenderedManifests render(Path overlay) throws IOException, InterruptedException {
        Path copy = Path.of("target", "k8s-render");
        deleteTree(copy);
        Files.createDirectories(copy.getParent());
        copyTree(ROOT, copy);
        Path copied = copy.resolve(ROOT.relativize(overlay));
        for (String file : generatorFiles(overlay)) {
            Path target = copied.resolve(file);
            if (!Files.exists(target)) {
                Files.writeString(target, "placeholder written by KubernetesManifestsTest");
            }
        }
        Process kustomize = new ProcessBuilder(kubectl(), "kustomize", copied.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = kustomize.getInputStream().readAllBytes();
        if (!kustomize.waitFor(60, TimeUnit.SECONDS) || kustomize.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + overlay + " failed (its error is above)");
        }
        RenderedManifests rendered = parse("overlays/" + overlay.getFileName(), new String(out, StandardCharsets.UTF_8), Map.of());
        Map<String, Set<String>> secrets = new HashMap<>();
        rendered.objects().stream().filter(Secret.class::isInstance).map(Secret.class::cast).forEach(s -> {
            Set<String> keys = new TreeSet<>();
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            secrets.put(s.getMetadata().getName(), keys);
        });
        return new RenderedManifests(rendered.name(), rendered.objects(), rendered.unknown(), secrets);
    }

    private static RenderedManifests base(List<Path> overlays) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (JsonNode resource : YAML.readTree(ROOT.resolve("base/kustomization.yaml").toFile()).path("resources")) {
            yaml.append(Files.readString(ROOT.resolve("base").resolve(resource.asText()))).append("\n---\n");
        }
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Path overlay : overlays) {
            for (JsonNode generator : YAML.readTree(overlay.resolve("kustomization.yaml").toFile()).path("secretGenerator")) {
                Set<String> keys = secrets.computeIfAbsent(generator.path("name").asText(), n -> new TreeSet<>());
                generator.path("files").forEach(f -> keys.add(key(f.asText())));
                generator.path("literals").forEach(l -> keys.add(l.asText().substring(0, l.asText().indexOf('='))));
            }
        }
        return parse("base", yaml.toString(), secrets);
    }

    /** The files an overlay's secretGenerator reads (entries "key=path", or a path whose name is the key). */
    private static List<String> generatorFiles(Path overlay) throws IOException {
        List<String> files = new ArrayList<>();
        for (JsonNode generator : YAML.readTree(overlay.resolve("kustomization.yaml").toFile()).path("secretGenerator")) {
            generator.path("files").forEach(f -> files.add(f.asText().substring(f.asText().indexOf('=') + 1)));
        }
        return files;
    }

    private static String key(String fileEntry) {
        int eq = fileEntry.indexOf('=');
        return eq >= 0 ? fileEntry.substring(0, eq) : Path.of(fileEntry).getFileName().toString();
    }

    /** Parses multi-document YAML into typed objects and records the fields that fit no schema. */
    static RenderedManifests parse(String name, String yaml, Map<String, Set<String>> secretKeys) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (doc == null || doc.isEmpty()) {
                continue;
            }
            HasMetadata object = (HasMetadata) SERIALIZATION.unmarshal(doc.toString(), KubernetesResource.class);
            objects.add(object);
            UnknownFields.in(object).forEach(path -> unknown.add(object.getKind() + "/" + object.getMetadata().getName() + ": " + path));
        }
        return new RenderedManifests(name, objects, unknown, secretKeys);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String objectName) {
        List<T> found = all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).toList();
        if (found.size() != 1) {
            throw new AssertionError(name + ": expected one " + type.getSimpleName() + " " + objectName + ", found " + found.size());
        }
        return found.get(0);
    }

    @Override
    public String toString() {
        return name;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
