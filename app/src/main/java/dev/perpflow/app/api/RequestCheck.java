package dev.perpflow.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of every API route (an {@code interceptFrom} of the {@code api-errors} route configuration): a request
 * whose URL could not be decoded or whose body is too large ({@link PerpflowHttpBinding#PROBLEM}) is answered here
 * with a JSON 400/413 naming the problem, before the API key is checked or anything is read.
 */
public class RequestCheck implements Processor {

    @Override
    public void process(Exchange exchange) {
        PerpflowHttpBinding.Problem problem = exchange.getProperty(PerpflowHttpBinding.PROBLEM,
                PerpflowHttpBinding.Problem.class);
        if (problem != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("detail", problem.detail());
            body.put("parameter", problem.parameter());
            throw new ApiResponseException(new ApiResponse(problem.status(), body));
        }
    }
}
