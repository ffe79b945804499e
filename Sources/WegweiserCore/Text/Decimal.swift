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
        var width = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            width += 1
        }
        // The digits written from the last, into room made for them.
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        withUnsafeMutableBufferPointer { buffer in
            var rest = magnitude
            var index = buffer.count - 1
            while rest > 0 {
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                index -= 1
            }
        }
    }
}
