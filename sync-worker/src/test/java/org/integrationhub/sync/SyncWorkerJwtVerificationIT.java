package org.integrationhub.sync;

import org.integrationhub.testsupport.JwtVerificationContract;

/** sync-worker's /api/** accepts only valid hub JWTs and names the caller's organisation. */
class SyncWorkerJwtVerificationIT extends JwtVerificationContract {
}
