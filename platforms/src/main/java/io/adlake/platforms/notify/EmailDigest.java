package io.adlake.platforms.notify;

import io.adlake.model.config.NotifySettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The digest as a plain-text email, over SMTP (Jakarta Mail, Angus). A login, when the server needs
 * one, comes from the environment variables the delivery settings name; a refused login or a bad
 * address is not retried, a server that cannot be reached or answers with a temporary error is.
 */
public final class EmailDigest implements NotificationChannel {

  private final NotifySettings settings;
  private final List<String> recipients;
  private final String username;
  private final String password;

  public EmailDigest(
      NotifySettings settings, List<String> recipients, String username, String password) {
    this.settings = settings;
    this.recipients = List.copyOf(recipients);
    this.username = username;
    this.password = password;
  }

  @Override
  public String name() {
    return "email ("
        + recipients.size()
        + " recipient(s) via "
        + settings.smtpHost()
        + ":"
        + settings.smtpPort()
        + ")";
  }

  @Override
  public void send(Digest digest) throws DeliveryException {
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.smtpHost());
    props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "30000");
    props.put("mail.smtp.writetimeout", "30000");
    if (settings.smtpStarttls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    props.put("mail.smtp.auth", String.valueOf(username != null));
    Session session = Session.getInstance(props);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from(), true));
      for (String to : recipients) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      message.setSubject(digest.subject(), StandardCharsets.UTF_8.name());
      message.setText(digest.text(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("X-Adlake-Digest", digest.id());
      if (username != null) {
        Transport.send(message, username, password);
      } else {
        Transport.send(message);
      }
    } catch (AddressException | AuthenticationFailedException | SendFailedException e) {
      throw new DeliveryException(name() + ": " + e.getMessage(), false, null, e);
    } catch (MessagingException e) {
      throw new DeliveryException(name() + ": " + e.getMessage(), true, null, e);
    }
  }
}
