/// Hands the last reference to a large value (a whole site model: a hundred thousand small objects)
/// to a task of its own, so that freeing it does not hold up the caller. A process that exits before
/// the task runs gives the memory back all at once.
public func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    Task.detached(priority: .utility) { [value] in withExtendedLifetime(value) {} }
}
