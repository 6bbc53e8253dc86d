package dev.vacant.infra.consent;

import dev.vacant.command.vacant.ConsentResult;
import dev.vacant.command.vacant.VacantCommands.GrantConsentCommand;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.auth.Actor;
import org.springframework.stereotype.Service;

/**
 * Consents in custody, for every adapter (REST now, gRPC alike): turns a client's {@link ConsentFields} into the
 * kernel's request and has the vacant's aggregate sign it (or verify a signature made elsewhere) and record
 * CONSENT_GRANTED.
 */
@Service
public class ConsentService {

    private final CommandSender commands;

    public ConsentService(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code actor} asks {@code vacant} (which it must control) to consent. */
    public ConsentResult grant(Actor actor, String vacant, ConsentFields fields) {
        return commands.send(new GrantConsentCommand(vacant, actor, fields.toRequest(), fields.signature()));
    }
}
