package dev.vacant.infra.web.task;

import dev.vacant.query.task.RewardBalance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rewards ledger over REST: a vacant's balance and grants (any authenticated caller; eventually consistent). */
@RestController
@RequestMapping("/api/v1/rewards")
public class RewardController {

    private final TaskService tasks;

    public RewardController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/{vacant}")
    public RewardBalance balance(@PathVariable String vacant) {
        return tasks.rewards(vacant);
    }
}
