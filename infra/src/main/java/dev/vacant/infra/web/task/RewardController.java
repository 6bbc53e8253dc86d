package dev.vacant.infra.web.task;

import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.query.task.RewardBalance;
import dev.vacant.query.task.TaskQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rewards ledger over REST: a vacant's balance and grants (any authenticated caller; eventually consistent). */
@RestController
@RequestMapping("/api/v1/rewards")
public class RewardController {

    private final TaskQueries queries;

    public RewardController(TaskQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{vacant}")
    public RewardBalance balance(@PathVariable String vacant) {
        return queries.balance(VacantRequests.vacantId("vacant", vacant).value());
    }
}
