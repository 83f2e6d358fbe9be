package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmMemoryTest {

    @Test
    void everyJvmOfTheStackStartsWithTheOptionsItIsGiven() throws Exception {
        // Whatever this JDK is, the options never keep a service from starting.
        Started started = java(JvmMemory.smallFootprint(), "-XX:+PrintFlagsFinal", "-version");

        assertThat(started.exitCode()).as(started.output()).isZero();
        assertThat(started.output()).containsPattern("UseSerialGC\\s+= true")
                .containsPattern("\\bMetaspaceSize\\s+= 134217728");
        if (JvmMemory.nativeHeapTrimSupported()) {
            assertThat(JvmMemory.smallFootprint()).containsAll(JvmMemory.NATIVE_HEAP_TRIM);
            assertThat(started.output()).containsPattern("TrimNativeHeapInterval\\s+= 5000");
        } else {
            assertThat(JvmMemory.smallFootprint()).doesNotContainAnyElementsOf(JvmMemory.NATIVE_HEAP_TRIM);
        }
    }

    @Test
    void aJdkWithoutTheTrimOptionIsToldApartFromOneWithIt() throws Exception {
        // The probe's answer is what the JVM itself says of the option, not a guess from the version.
        Started withTrim = java(JvmMemory.NATIVE_HEAP_TRIM, "-version");
        assertThat(JvmMemory.nativeHeapTrimSupported()).isEqualTo(withTrim.exitCode() == 0);
        Started unknown = java(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:NoSuchTrimOption=5000"), "-version");
        assertThat(unknown.exitCode()).as("a JVM given an option it lacks").isNotZero();
    }

    private record Started(int exitCode, String output) {
    }

    private static Started java(List<String> options, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JvmMemory.java()));
        command.addAll(options);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Started(process.exitValue(), output);
    }
}
