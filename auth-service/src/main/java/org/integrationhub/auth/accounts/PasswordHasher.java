package org.integrationhub.auth.accounts;

import java.nio.charset.StandardCharsets;
import org.integrationhub.auth.AuthSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hashes and checks passwords with bcrypt at the configured cost, off the event loop. Checking a
 * password for an unknown account still costs one bcrypt comparison, so timing does not reveal
 * which emails exist.
 */
@Component
class PasswordHasher {

    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt;
    private final String decoyHash;

    PasswordHasher(AuthSettings settings) {
        this.bcrypt = new BCryptPasswordEncoder(settings.password().bcryptCost());
        this.decoyHash = bcrypt.encode("decoy password used to spend the same time");
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> bcrypt.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    /** True only if the account exists and the password matches its hash. */
    Mono<Boolean> matches(String password, String hashOrNull) {
        return Mono.fromCallable(() -> bcrypt.matches(password, hashOrNull == null ? decoyHash : hashOrNull) && hashOrNull != null)
                .subscribeOn(Schedulers.boundedElastic());
    }
}
