// The whole shape of an aggregate's behaviour: pure functions, no I/O, no clock.
export type Decider<Command, Event, State> = {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
};

/** A domain event as the domain sees it: a type and its data. */
export type DomainEvent<Type extends string = string, Data = unknown> = { type: Type; data: Data };
