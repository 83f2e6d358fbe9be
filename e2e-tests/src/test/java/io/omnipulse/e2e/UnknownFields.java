package io.omnipulse.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of a manifest that its schema does not have. The fabric8 model is generated from the
 * Kubernetes OpenAPI schema and Strimzi's from its CRDs; each keeps what it cannot map (an unknown or
 * misspelt field, a value of the wrong type) in its additional properties instead of failing. This
 * walks a typed object and names every such field by its path, e.g.
 * {@code spec.template.spec.containers[0].readinesProbe}.
 */
final class UnknownFields {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model.", "io.strimzi.api.");

    private UnknownFields() {
    }

    static List<String> in(Object typed) {
        List<String> unknown = new ArrayList<>();
        walk(typed, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value instanceof GenericKubernetesResource generic) {
            // A kind without a model here (CloudNativePG's Cluster) is all additional properties: only
            // its metadata has a schema to check.
            walk(generic.getMetadata(), path.isEmpty() ? "metadata" : path + ".metadata", unknown);
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "[" + key + "]", unknown));
        } else if (value != null && !(value instanceof Enum<?>) && MODEL_PACKAGES.stream().anyMatch(value.getClass().getName()::startsWith)) {
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        visit(value, field, path, unknown);
                    }
                }
            }
        }
    }

    private static void visit(Object owner, Field field, String path, List<String> unknown) {
        Object value;
        try {
            field.setAccessible(true);
            value = field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
        String here = path.isEmpty() ? field.getName() : path + "." + field.getName();
        if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
            extra.keySet().forEach(key -> unknown.add(path.isEmpty() ? key.toString() : path + "." + key));
        } else {
            walk(value, here, unknown);
        }
    }
}
