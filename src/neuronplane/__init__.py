"""neuronplane: the control plane of the NeuronDB PostgreSQL AI ecosystem."""

__version__ = "0.1.0"
