package io.omnipulse.queries;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stores that cannot answer yet: a 503 problem with Retry-After. */
class NotQueryableMapperTest {

    final NotQueryableMapper mapper = new NotQueryableMapper(new QuerySettings(Duration.ofSeconds(2), 3));

    static UriInfo at(String path) {
        return (UriInfo) Proxy.newProxyInstance(NotQueryableMapperTest.class.getClassLoader(),
                new Class<?>[] {UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void isA503ProblemWithTheServicesRetryAfter() {
        Response answer = mapper.unavailable(new StoreNotQueryableException("rebalancing", null), at("/v1/scores"));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("3");
    }

    @Test
    void keepsTheRetryAfterTheExceptionWasRaisedWith() {
        Response answer = mapper.unavailable(new StoreNotQueryableException("owner did not answer", 1L, null),
                at("/v1/customers/c1"));

        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
    }
}
