"""Pure functions of the model: periods, plan against done, the results documents show."""
