// The tutor: runs lessons in the shell, checks predictions, keeps progress, grades quizzes.
import Foundation
import Lessons
import TCPModel
import SocketLab
