import Foundation
import WegweiserCLI

exit(await WegweiserCommand.run())
