package io.omnipulse.e2e;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One service's Deployment or StatefulSet, seen through what the checks need: its pods' labels and
 * spec, and its one container (named like the service).
 *
 * @param replicas null when an autoscaler decides
 */
record Workload(String kind, String name, Integer replicas, LabelSelector selector, PodTemplateSpec template) {

    static Workload of(RenderedManifests m, String name) {
        List<Workload> found = Stream.concat(
                m.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name))
                        .map(d -> new Workload("Deployment", name, d.getSpec().getReplicas(), d.getSpec().getSelector(), d.getSpec().getTemplate())),
                m.all(StatefulSet.class).stream().filter(s -> s.getMetadata().getName().equals(name))
                        .map(s -> new Workload("StatefulSet", name, s.getSpec().getReplicas(), s.getSpec().getSelector(), s.getSpec().getTemplate())))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(m.name() + ": expected one Deployment or StatefulSet " + name + ", found " + found.size());
        }
        Workload w = found.get(0);
        if (!selects(w.selector(), w.labels())) {
            throw new AssertionError(name + "'s selector does not select its own pods");
        }
        return w;
    }

    /** Whether a selector (match labels only: the manifests use no expressions) selects pods with these labels. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("match expressions are not checked here: " + selector);
        }
        return !selector.getMatchLabels().isEmpty() && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    Map<String, String> labels() {
        return template.getMetadata().getLabels();
    }

    PodSpec pod() {
        return template.getSpec();
    }

    Container container() {
        List<Container> containers = pod().getContainers().stream().filter(c -> c.getName().equals(name)).toList();
        if (containers.size() != 1 || pod().getContainers().size() != 1) {
            throw new AssertionError(name + " should run one container named " + name);
        }
        return containers.get(0);
    }

    /** The container's variables by name (a name set twice fails). */
    Map<String, EnvVar> env() {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (EnvVar e : container().getEnv()) {
            if (env.put(e.getName(), e) != null) {
                throw new AssertionError(name + " sets " + e.getName() + " twice");
            }
        }
        return env;
    }

    /** The container port a probe or Service port refers to, by number or by name. */
    int port(IntOrString port) {
        if (port.getStrVal() == null) {
            return port.getIntVal();
        }
        return container().getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no port named " + port.getStrVal())).getContainerPort();
    }
}
