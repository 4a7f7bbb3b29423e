package org.integrationhub.support.security;

import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/** A service token that lacks the scope an internal endpoint needs: 403. */
public class ScopeMissing extends HubProblem {

    public ScopeMissing(String scope) {
        super(HttpStatus.FORBIDDEN, "forbidden", "The service token lacks the scope " + scope + ".");
    }
}
