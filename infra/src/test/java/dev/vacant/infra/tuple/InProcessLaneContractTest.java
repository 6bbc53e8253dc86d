package dev.vacant.infra.tuple;

/** The lane contract over the in-process transport (the embedded default). */
class InProcessLaneContractTest extends TupleLaneContract {
}
