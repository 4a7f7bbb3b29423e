package org.integrationhub.auth.accounts;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.integrationhub.auth.AuthSettings;
import org.integrationhub.auth.invitations.Invitations;
import org.integrationhub.auth.tokens.IssuedToken;
import org.integrationhub.auth.tokens.TokenIssuer;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.security.Role;
import org.integrationhub.support.web.InvalidField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Registers accounts (a new organisation, or one an invitation names), signs them in, and says who they are. */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountRepository repository;
    private final Invitations invitations;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;
    private final TransactionalOperator transaction;
    private final AuthSettings settings;

    Accounts(AccountRepository repository, Invitations invitations, PasswordHasher passwords, LoginThrottle throttle,
            TokenIssuer tokens, TransactionalOperator transaction, AuthSettings settings) {
        this.settings = settings;
        this.repository = repository;
        this.invitations = invitations;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.transaction = transaction;
    }

    /** What a registration created: the user, their organisation and their role in it. */
    public record Registered(UUID userId, String email, java.time.Instant createdAt, UUID orgId, String orgName, Role role) {
    }

    Mono<Registered> register(String rawEmail, String password, String organisationName, String invitationToken) {
        String email = normalise(rawEmail);
        if (!PasswordHasher.fitsBcrypt(password)) {
            return Mono.error(new InvalidField("password", "must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes"));
        }
        UUID userId = UUID.randomUUID();
        // bcrypt first, outside the transaction, so no database connection waits on it
        Mono<Registered> registration = passwords.hash(password)
                .flatMap(hash -> repository.insertUser(userId, email, hash)
                        .flatMap(createdAt -> invitationToken == null || invitationToken.isBlank()
                                ? newOrganisation(userId, email, createdAt, organisationName)
                                : joinByInvitation(userId, email, createdAt, invitationToken))
                        .as(transaction::transactional))
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> new AccountProblems.EmailAlreadyRegistered());
        return registration.doOnNext(r -> log.info("Registered user {} in organisation {} as {}", r.userId(), r.orgId(), r.role()));
    }

    private Mono<Registered> newOrganisation(UUID userId, String email, java.time.Instant createdAt, String requestedName) {
        UUID orgId = UUID.randomUUID();
        String name = requestedName == null || requestedName.isBlank() ? email.substring(email.indexOf('@') + 1) : requestedName.trim();
        return repository.insertOrganisation(orgId, name)
                .then(repository.insertMembership(userId, orgId, Role.ADMIN))
                .thenReturn(new Registered(userId, email, createdAt, orgId, name, Role.ADMIN));
    }

    private Mono<Registered> joinByInvitation(UUID userId, String email, java.time.Instant createdAt, String token) {
        return invitations.consume(token, email, userId)
                .switchIfEmpty(Mono.error(new AccountProblems.InvitationNotUsable()))
                .flatMap(invitation -> repository.insertMembership(userId, invitation.orgId(), invitation.role())
                        .then(repository.organisationName(invitation.orgId()))
                        .map(orgName -> new Registered(userId, email, createdAt, invitation.orgId(), orgName, invitation.role())));
    }

    /** Signs in, or fails with the same answer for an unknown email and a wrong password. */
    Mono<IssuedToken> login(String rawEmail, String password, String clientAddress) {
        String email = normalise(rawEmail);
        var blocked = throttle.admit(email, clientAddress);
        if (blocked.isPresent()) {
            log.warn("Sign-in refused while throttled (address {})", clientAddress);
            return Mono.error(new AccountProblems.TooManyLoginAttempts(blocked.get()));
        }
        return repository.findByEmail(email)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(account -> passwords.matches(password, account.map(AccountRepository.Account::passwordHash).orElse(null))
                        .flatMap(matches -> {
                            if (!matches) {
                                log.info("Failed sign-in (address {})", clientAddress);
                                return Mono.error(new AccountProblems.WrongCredentials());
                            }
                            throttle.recordSuccess(email, clientAddress);
                            AccountRepository.Account found = account.orElseThrow();
                            return Mono.just(tokens.forUser(found.userId(), OrgId.of(found.orgId()), roles(found)));
                        }));
    }

    Mono<AccountRepository.Account> find(UUID userId) {
        return repository.findById(userId).switchIfEmpty(Mono.error(new AccountProblems.AccountGone()));
    }

    /**
     * The account's role in its organisation, plus {@code ops} when its e-mail is a configured hub
     * operator ({@code hub.auth.operators}). No API grants {@code ops}: invitations offer admin and member only.
     */
    List<Role> roles(AccountRepository.Account account) {
        return settings.isOperator(account.email()) ? List.of(account.role(), Role.OPS) : List.of(account.role());
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
