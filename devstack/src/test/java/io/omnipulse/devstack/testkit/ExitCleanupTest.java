package io.omnipulse.devstack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExitCleanupTest {

    @Test
    void aTestJvmLeavesNoDirectoryBehindAndStopsItsServersFirst() throws Exception {
        Started run = aTestJvm(Map.of(ExitCleanup.KEEP_DIRECTORIES, ""));

        // The server saw its files when it stopped, and nothing of them is left after the JVM.
        assertThat(run.output()).contains("server stopped; its directory still holds segment.log");
        assertThat(run.directory()).doesNotExist();
        assertThat(run.directory().getParent()).exists();
    }

    private record Started(String output, Path directory) {
    }

    /** Runs {@link ATestJvm} to its end with {@code environment} added; what it printed and its directory. */
    private static Started aTestJvm(Map<String, String> environment) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ATestJvm.class.getName())).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return new Started(output, Path.of(output.lines().filter(line -> line.startsWith("directory ")).findFirst()
                .orElseThrow(() -> new AssertionError(output)).substring("directory ".length())));
    }

    @Test
    void aRunAskedToKeepItsDirectoriesKeepsThem() throws Exception {
        Started run = aTestJvm(Map.of(ExitCleanup.KEEP_DIRECTORIES, "true"));
        Path directory = run.directory();
        try {
            assertThat(directory.resolve("logs/topic-0/segment.log")).exists();
        } finally {
            ExitCleanup.deleteTree(directory);
        }
        assertThat(ExitCleanup.keepDirectories(" TRUE ")).isTrue();
        assertThat(ExitCleanup.keepDirectories("1")).isFalse();
        assertThat(ExitCleanup.keepDirectories(null)).isFalse();
    }

    @Test
    void deletingATreeThatIsAlreadyGoneIsNoFault() throws Exception {
        Path gone = Files.createTempDirectory("exit-cleanup-gone");
        Files.delete(gone);

        ExitCleanup.deleteTree(gone);

        assertThat(gone).doesNotExist();
    }

    /** A test JVM in miniature: a directory with files in it, and a server writing there. */
    public static final class ATestJvm {

        public static void main(String[] args) throws Exception {
            Path directory = TestInfrastructure.tempDir("exit-cleanup-test");
            Path segment = Files.createDirectories(directory.resolve("logs/topic-0")).resolve("segment.log");
            Files.writeString(segment, "records");
            ExitCleanup.stopAtExit(() -> System.out.println("server stopped; its directory still holds "
                    + (Files.exists(segment) ? segment.getFileName() : "nothing")));
            System.out.println("directory " + directory);
        }
    }
}
