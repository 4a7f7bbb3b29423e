package org.integrationhub.auth.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads RSA keys from PEM text: PKCS#8 private keys ("BEGIN PRIVATE KEY") and X.509 public keys ("BEGIN PUBLIC KEY"). */
final class PemKeys {

    private PemKeys() {
    }

    static RSAPrivateCrtKey privateKey(String pem, String keyId) {
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(body(pem, "PRIVATE KEY", keyId)));
            if (key instanceof RSAPrivateCrtKey crt) {
                return crt;
            }
            throw new IllegalStateException("Key " + keyId + " is not an RSA private key with CRT parameters");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key " + keyId + " is not a PKCS#8 RSA private key", e);
        }
    }

    static RSAPublicKey publicKey(String pem, String keyId) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pem, "PUBLIC KEY", keyId)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Key " + keyId + " is not an X.509 RSA public key", e);
        }
    }

    static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the public key", e);
        }
    }

    private static byte[] body(String pem, String type, String keyId) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("Key " + keyId + " must be PEM text between '" + begin + "' and '" + end + "'");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
