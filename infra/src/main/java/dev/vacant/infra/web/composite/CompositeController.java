package dev.vacant.infra.web.composite;

import dev.vacant.infra.web.composite.CompositeRequests.AllowlistBody;
import dev.vacant.infra.web.composite.CompositeRequests.CompletionBody;
import dev.vacant.infra.web.composite.CompositeRequests.DelegationBody;
import dev.vacant.infra.web.composite.CompositeRequests.GraduationBody;
import dev.vacant.infra.web.composite.CompositeRequests.OutboundCheckBody;
import dev.vacant.infra.web.composite.CompositeRequests.RegisterChildBody;
import dev.vacant.infra.web.composite.CompositeResponses.ChildRunner;
import dev.vacant.infra.web.composite.CompositeResponses.CompositeView;
import dev.vacant.infra.web.composite.CompositeResponses.Delegated;
import dev.vacant.infra.web.composite.CompositeResponses.Graduated;
import dev.vacant.infra.web.composite.CompositeResponses.OutboundVerdict;
import dev.vacant.infra.web.composite.CompositeResponses.Pair;
import dev.vacant.infra.web.composite.CompositeResponses.Registered;
import dev.vacant.infra.web.vacant.VacantResponses.VacantState;
import dev.vacant.kernel.auth.Actor;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST for composites ({@code composite.md}, {@code docs/composite.md}; {@link CompositeService}). */
@RestController
@RequestMapping("/api/v1/composites/{parent}")
public class CompositeController {

    private final CompositeService composites;

    public CompositeController(CompositeService composites) {
        this.composites = composites;
    }

    /** The composite's children, allowlist, graduations in the current window and delegation plans. */
    @GetMapping
    public CompositeView get(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                             @RequestParam(required = false) Long position,
                             @RequestParam(required = false) String consistency) {
        return composites.get(actor, parent, position, consistency);
    }

    @PostMapping("/children")
    @ResponseStatus(HttpStatus.CREATED)
    public Registered register(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                               @RequestBody RegisterChildBody body) {
        return composites.register(actor, parent, body);
    }

    /** Runs the child's delegated subtasks on this instance (see {@link CompositeService#runChild}). */
    @PutMapping("/children/{child}/runner")
    public ChildRunner runChild(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                                @PathVariable String child) {
        return composites.runChild(actor, parent, child, true);
    }

    /** Stops running the child's delegated subtasks on this instance. */
    @DeleteMapping("/children/{child}/runner")
    public ChildRunner stopChild(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                                 @PathVariable String child) {
        return composites.runChild(actor, parent, child, false);
    }

    @PostMapping("/allowlist")
    public VacantState allowlist(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                                 @Valid @RequestBody AllowlistBody body) {
        return composites.allowlist(actor, parent, body);
    }

    /** Tree-Only: answers 200 with the verdict whether allowed or not (see {@link CompositeService#outbound}). */
    @PostMapping("/outbound-checks")
    public OutboundVerdict outbound(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                                    @Valid @RequestBody OutboundCheckBody body) {
        return composites.outbound(actor, parent, body);
    }

    @PostMapping("/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    public Delegated delegate(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                              @Valid @RequestBody DelegationBody body) {
        return composites.delegate(actor, parent, body);
    }

    @PostMapping("/delegations/{delegation}/completion")
    public Pair complete(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                         @PathVariable String delegation, @Valid @RequestBody CompletionBody body) {
        return composites.complete(actor, parent, delegation, body);
    }

    @PostMapping("/graduations")
    public Graduated graduate(@AuthenticationPrincipal Actor actor, @PathVariable String parent,
                              @Valid @RequestBody GraduationBody body) {
        return composites.graduate(actor, parent, body);
    }
}
