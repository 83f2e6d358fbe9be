package io.omnipulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml against the services it runs, as KubernetesManifestsTest checks deploy/k8s:
 * each service on its own HTTP port, probed there, given only variables it reads, and pointed at
 * the others on theirs. (No Compose here to validate the file itself; SnakeYAML resolves its anchors
 * and merge keys as Compose does.)
 */
class DockerComposeTest {

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceRunsOnItsPortWithVariablesItReads() throws Exception {
        Map<String, Object> compose;
        try (Reader in = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String name : ServiceSettings.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(name);
            Map<String, Object> service = services.get(name);
            int port = settings.httpPort();
            assertThat((List<String>) service.get("ports")).as(name).containsExactly(port + ":" + port);
            assertThat(((Map<String, Object>) service.get("healthcheck")).get("test").toString()).as(name)
                    .contains("localhost:" + port + "/q/health/ready");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env.keySet()).as(name + " does not read").filteredOn(v -> !settings.reads(v)).isEmpty();
            env.forEach((variable, value) -> {
                Matcher url = ServiceSettings.SERVICE_URL.matcher(String.valueOf(value));
                if (url.matches()) {
                    assertThat(services).as(name + " " + variable).containsKey(url.group(1));
                    assertThat(ServiceSettings.of(url.group(1)).httpPort()).as(name + " " + variable)
                            .isEqualTo(Integer.parseInt(url.group(2)));
                }
            });
        }
    }
}
