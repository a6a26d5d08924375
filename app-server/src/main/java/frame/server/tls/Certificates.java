package frame.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's self-signed certificate, kept in the data folder ({@code tls/server.p12}, owner
 * only) so phones that accepted it once, and clients that pinned its fingerprint, keep trusting
 * it across restarts. A new one is made at first use, and again when the old one is within
 * {@link #RENEW_BEFORE} of expiring, no longer names every address FRAME serves on, or cannot be
 * read. The key is EC P-256; Bouncy Castle builds the certificate, the JDK does the TLS.
 */
public final class Certificates {
  private static final Logger log = LoggerFactory.getLogger(Certificates.class);
  public static final String FOLDER = "tls";
  public static final String FILE_NAME = "server.p12";
  /** The certificate alone, in PEM, for other tools ({@code curl --cacert}); no key in it. */
  public static final String PEM_NAME = "server.pem";
  static final Duration VALIDITY = Duration.ofDays(397);
  static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_FOLDER =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private final Path file;
  private final Clock clock;

  public Certificates(Path dataDir, Clock clock) {
    this.file = dataDir.resolve(FOLDER).resolve(FILE_NAME);
    this.clock = clock;
  }

  public Path file() {
    return file;
  }

  /** The certificate to serve with for {@code names}: the stored one while it is good, else a new one, stored. */
  public synchronized ServerCertificate current(Set<String> names) {
    Optional<ServerCertificate> stored = stored();
    if (stored.isPresent()) {
      Optional<String> reason = reasonToRenew(stored.get().certificate(), names);
      if (reason.isEmpty()) return stored.get();
      log.info("Making a new TLS certificate: {}", reason.get());
    }
    ServerCertificate made = make(names);
    save(made);
    log.info("TLS certificate {} for {}, valid until {}", made.fingerprint(), names,
        made.certificate().getNotAfter().toInstant());
    return made;
  }

  /** The stored certificate as it is, if there is a readable one (for showing its fingerprint). */
  public Optional<ServerCertificate> stored() {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, ServerCertificate.KEYSTORE_PASSWORD.toCharArray());
      if (!(store.getCertificate(ServerCertificate.ALIAS) instanceof X509Certificate certificate)
          || store.getKey(ServerCertificate.ALIAS, ServerCertificate.KEYSTORE_PASSWORD.toCharArray()) == null) {
        log.warn("{} holds no FRAME key and certificate; a new one will be made", file);
        return Optional.empty();
      }
      keepPrivate();
      return Optional.of(new ServerCertificate(store, certificate));
    } catch (IOException | GeneralSecurityException e) {
      log.warn("Cannot read {} ({}); a new certificate will be made", file, e.toString());
      return Optional.empty();
    }
  }

  private Optional<String> reasonToRenew(X509Certificate certificate, Set<String> names) {
    Instant now = clock.instant();
    Instant expires = certificate.getNotAfter().toInstant();
    if (now.isAfter(expires.minus(RENEW_BEFORE))) return Optional.of("the old one expires " + expires);
    if (now.isBefore(certificate.getNotBefore().toInstant())) return Optional.of("the old one is not valid yet");
    Set<String> missing = new HashSet<>(names);
    missing.removeAll(namesIn(certificate));
    return missing.isEmpty() ? Optional.empty() : Optional.of("the old one does not name " + missing);
  }

  static Set<String> namesIn(X509Certificate certificate) {
    Set<String> names = new HashSet<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives == null) return names;
      for (List<?> entry : alternatives) {
        int type = (Integer) entry.get(0);
        if (type == GeneralName.dNSName || type == GeneralName.iPAddress) {
          names.add(CertificateNames.canonical(entry.get(1).toString()));
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      log.warn("Cannot read the names of the TLS certificate: {}", e.getMessage());
    }
    return names;
  }

  private ServerCertificate make(Set<String> names) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "FRAME")
          .addRDN(BCStyle.CN, "FRAME on " + names.stream().filter(n -> n.endsWith(".local")).findFirst()
              .orElse("this computer")).build();
      Instant now = clock.instant();
      var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.stream()
          .map(n -> new GeneralName(CertificateNames.isIpAddress(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
          .toArray(GeneralName[]::new)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ServerCertificate.ALIAS, keys.getPrivate(), ServerCertificate.KEYSTORE_PASSWORD.toCharArray(),
          new X509Certificate[] {certificate});
      return new ServerCertificate(store, certificate);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot make a TLS certificate: " + e.getMessage(), e);
    }
  }

  /** Writes the keystore atomically, owner-only from its first byte. */
  private void save(ServerCertificate certificate) {
    try {
      Path folder = file.getParent();
      if (isPosix()) {
        if (!Files.isDirectory(folder)) {
          Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        }
        Files.setPosixFilePermissions(folder, OWNER_FOLDER);
      } else {
        Files.createDirectories(folder);
      }
      java.io.ByteArrayOutputStream keyStore = new java.io.ByteArrayOutputStream();
      certificate.keyStore().store(keyStore, ServerCertificate.KEYSTORE_PASSWORD.toCharArray());
      writePrivately(file, keyStore.toByteArray());
      writePrivately(folder.resolve(PEM_NAME), pem(certificate.certificate()).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot store the TLS certificate in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces {@code target} atomically with a file that is owner-only from its first byte. */
  private static void writePrivately(Path target, byte[] bytes) throws IOException {
    Path temp = isPosix()
        ? Files.createTempFile(target.getParent(), ".server", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : Files.createTempFile(target.getParent(), ".server", ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String pem(X509Certificate certificate) throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** A keystore someone made readable to others is put back to owner-only, with a warning. */
  private void keepPrivate() throws IOException {
    if (!isPosix()) return;
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(mode)) {
      log.warn("{} was {}; made it private to its owner (rw-------)", file, PosixFilePermissions.toString(mode));
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
