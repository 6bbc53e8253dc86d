package dev.vacant.infra.web.lifecycle;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of the lifecycle rules every vacant follows. */
@RestController
@RequestMapping("/api/v1/lifecycle")
public class LifecycleController {

    private static final TransitionTableResponse TABLE = TransitionTableResponse.fromKernel();

    /** All 42 cells of the transition table, valid and invalid, plus the per-state predicates. */
    @GetMapping("/transitions")
    public TransitionTableResponse transitions() {
        return TABLE;
    }
}
