/// The agenda numbers of a meeting, as the content contract fixes them:
/// Part 1 from 1, the Exclusion of the Public next, then Part 2. A
/// supplementary item (`supplement: N`) takes the number of the item
/// before it plus a letter (`12A`, then `12B`), so adding one after the
/// agenda was published moves no published number.
struct AgendaNumbering {
  /// One number per item, Part 1 then Part 2, in agenda order.
  var numbers: [AgendaNumber] = []
  /// The generated Exclusion of the Public's number (used when Part 2 has items).
  var exclusion = AgendaNumber(0)

  init(partOne: [AgendaItem], partTwo: [AgendaItem]) {
    var next = 1
    var previous = AgendaNumber(0)
    func number(_ items: [AgendaItem]) {
      for item in items {
        let number = item.supplement == nil ? AgendaNumber(next) : AgendaNumber(previous.base, letter: previous.letter + 1)
        if item.supplement == nil { next += 1 }
        numbers.append(number)
        previous = number
      }
    }
    number(partOne)
    exclusion = AgendaNumber(next)
    next += 1
    previous = exclusion
    number(partTwo)
  }
}
