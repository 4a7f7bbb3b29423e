package org.integrationhub.connector;

import org.integrationhub.testsupport.JwtVerificationContract;

/** connector-service's /api/** accepts only valid hub JWTs and names the caller's organisation. */
class ConnectorServiceJwtVerificationIT extends JwtVerificationContract {
}
