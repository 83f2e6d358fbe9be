package io.omnipulse.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation a running service publishes in its OpenAPI document, so that a check over all of
 * them also covers an endpoint added later.
 */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /**
     * One operation with one media type its body may have (JSON when it takes none), its path
     * parameters filled with a value of the right shape (no such id exists); an operation that takes
     * several media types (POST /v1/events: JSON and CloudEvents) is listed once with each.
     */
    record Operation(String method, String path, String mediaType) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + mediaType + ")";
        }
    }

    private OpenApiOperations() {
    }

    /** The operations of the service at {@code baseUrl}, read with {@code opsToken} (OpenAPI is for operators). */
    static List<Operation> of(String baseUrl, String opsToken) {
        JsonPath document = given().auth().oauth2(opsToken).queryParam("format", "json")
                .get(baseUrl + "/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream().filter(METHODS::contains).sorted()
                .forEach(method -> mediaTypes(methods.get(method)).forEach(type -> operations.add(
                        new Operation(method, path.replaceAll("\\{[^}]+}", "1"), type)))));
        return operations;
    }

    private static List<String> mediaTypes(Object operation) {
        if (operation instanceof Map<?, ?> fields && fields.get("requestBody") instanceof Map<?, ?> body
                && body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
            return content.keySet().stream().map(String::valueOf).toList();
        }
        return List.of("application/json");
    }
}
