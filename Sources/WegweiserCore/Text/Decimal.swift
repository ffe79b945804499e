extension Array where Element == UInt8 {
    /// Appends `value` in decimal digits, as `String(value)` writes it.
    public mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            // The magnitude, digit by digit, from the lowest (Int.min has no positive counterpart).
            appendDigits(of: value.magnitude)
        } else {
            appendDigits(of: UInt(value))
        }
    }

    private mutating func appendDigits(of magnitude: UInt) {
        if magnitude < 10 {
            append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        let start = count
        var rest = magnitude
        while rest > 0 {
            append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        self[start...].reverse()
    }
}
