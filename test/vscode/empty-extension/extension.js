// The benchmark's control: activation with nothing to load and nothing to do.
exports.activate = () => undefined;
