package io.omnipulse.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a service's error answer (an RFC 9457 problem document, as every OmniPulse service sends) into
 * a {@link ServiceException} whose message is the problem's detail, else its title, else the status.
 */
public class ServiceProblems implements ResponseExceptionMapper<ServiceException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Problems are short; a longer body is not one of ours and is not read further. */
    private static final int MAX_BODY = 16 * 1024;

    @Override
    public ServiceException toThrowable(Response response) {
        return new ServiceException(response.getStatus(), words(response));
    }

    private static String words(Response response) {
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body != null && body.length() <= MAX_BODY) {
                JsonNode problem = JSON.readTree(body);
                for (String field : new String[] {"detail", "title"}) {
                    JsonNode text = problem == null ? null : problem.get(field);
                    if (text != null && text.isTextual() && !text.asText().isBlank()) {
                        return text.asText();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a problem document: the status says enough.
        }
        return "the service answered " + response.getStatus();
    }
}
