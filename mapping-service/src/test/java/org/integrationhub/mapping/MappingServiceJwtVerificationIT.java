package org.integrationhub.mapping;

import org.integrationhub.testsupport.JwtVerificationContract;

/** mapping-service's /api/** accepts only valid hub JWTs and names the caller's organisation. */
class MappingServiceJwtVerificationIT extends JwtVerificationContract {
}
